package io.lakegate.proxy.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything a tenant needs to connect with an issued credential: the gateway's host and ports, the database, the
 * JDBC URLs of both doors and the ODBC connection string Power BI uses.
 */
public record ConnectionInfo(IssuedCredential credential, String host, int avaticaPort, int httpPort,
                             String database) {
    public String avaticaJdbcUrl() {
        return "jdbc:avatica:remote:url=http://" + host + ":" + avaticaPort + ";serialization=protobuf;"
                + "authentication=BASIC";
    }

    public String clickhouseJdbcUrl() {
        return "jdbc:clickhouse:http://" + host + ":" + httpPort + "/" + database;
    }

    public String odbcConnectionString() {
        return "Driver={ClickHouse ODBC Driver (ANSI)};Server=" + host + ";Port=" + httpPort + ";Database="
                + database + ";UID=" + credential.username() + ";PWD=" + credential.password() + ";";
    }

    public String toJson() {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("username", credential.username());
        json.put("password", credential.password());
        json.put("org_id", credential.orgId());
        json.put("label", credential.label());
        json.put("host", host);
        json.put("avatica_port", avaticaPort);
        json.put("http_port", httpPort);
        json.put("database", database);
        json.put("avatica_jdbc_url", avaticaJdbcUrl());
        json.put("clickhouse_jdbc_url", clickhouseJdbcUrl());
        json.put("odbc_connection_string", odbcConnectionString());
        return json.toPrettyString();
    }

    public String toText() {
        return "Credentials for org " + credential.orgId() + (credential.label().isEmpty() ? ""
                : " (" + credential.label() + ")") + ". The password is shown only now: store it safely.\n"
                + "  username:  " + credential.username() + "\n"
                + "  password:  " + credential.password() + "\n"
                + "  host:      " + host + "\n"
                + "  ports:     " + avaticaPort + " (Avatica JDBC), " + httpPort + " (ClickHouse HTTP, ODBC)\n"
                + "  database:  " + database + "\n"
                + "  JDBC (Avatica):    " + avaticaJdbcUrl() + "\n"
                + "  JDBC (ClickHouse): " + clickhouseJdbcUrl() + "\n"
                + "  ODBC (Power BI):   " + odbcConnectionString() + "\n";
    }
}
