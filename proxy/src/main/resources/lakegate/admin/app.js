// The credentials page: plain browser JavaScript against the admin API, nothing to build. Everything shown is set
// as text (never as HTML), so a label cannot inject markup.
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem("lakegate-admin-token");

async function api(method, path, body) {
  const r = await fetch(path, {
    method,
    headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = r.status === 204 ? {} : await r.json();
  if (!r.ok) {
    const e = new Error(answer.error || ("The gateway answered " + r.status));
    e.status = r.status;
    throw e;
  }
  return answer;
}

function show(id, message) {
  $(id).textContent = message;
  $(id).hidden = !message;
}

async function signIn(event) {
  event.preventDefault();
  token = $("token").value.trim();
  try {
    await loadOrgs();
    sessionStorage.setItem("lakegate-admin-token", token);
    show("login-error", "");
  } catch (e) {
    show("login-error", e.status === 401 ? "That token is not valid for this gateway." : e.message);
  }
}

async function loadOrgs() {
  const orgs = await api("GET", "/api/orgs");
  const select = $("org");
  select.replaceChildren(...orgs.map((o) => new Option(o.org_id, o.org_id)));
  $("login").hidden = true;
  $("workspace").hidden = false;
  await loadCredentials();
}

async function loadCredentials() {
  show("error", "");
  const org = $("org").value;
  const rows = $("credentials").tBodies[0];
  if (!org) {
    rows.replaceChildren();
    show("empty", "There is no organization you can manage yet.");
    return;
  }
  const active = (await api("GET", `/api/orgs/${encodeURIComponent(org)}/credentials`)).filter((c) => c.active);
  rows.replaceChildren(...active.map((c) => {
    const tr = document.createElement("tr");
    tr.dataset.username = c.username;
    const lastUsed = c.last_used_at ? c.last_used_at + " UTC" : "never";
    for (const [text, cls] of [[c.username, "user"], [c.label || "—", ""], [c.created_at + " UTC", ""],
                               [lastUsed, ""]]) {
      const td = tr.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
    const revoke = document.createElement("button");
    revoke.type = "button";
    revoke.className = "revoke";
    revoke.textContent = "Revoke";
    revoke.addEventListener("click", () => confirmRevoke(org, c.username));
    tr.insertCell().append(revoke);
    return tr;
  }));
  show("empty", active.length ? "" : "No active credentials for this organization.");
}

async function generate(event) {
  event.preventDefault();
  const org = $("org").value;
  try {
    const c = await api("POST", `/api/orgs/${encodeURIComponent(org)}/credentials`, { label: $("label").value });
    $("label").value = "";
    const curl = `curl -u ${c.username}:${c.password} 'http://${c.host}:${c.http_port}/?query=SELECT+count()+FROM+entity_operations'`;
    const details = [
      ["Username", c.username], ["Password", c.password],
      ["Power BI (ODBC)", c.odbc_connection_string],
      ["DataGrip, ClickHouse driver", c.clickhouse_jdbc_url],
      ["DataGrip, Avatica driver", c.avatica_jdbc_url],
      ["curl", curl],
    ];
    $("details").replaceChildren(...details.flatMap(([name, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = name;
      const dd = document.createElement("dd");
      const code = document.createElement("code");
      code.textContent = value;
      dd.append(code);
      const copy = document.createElement("button");
      copy.type = "button";
      copy.className = "secondary copy";
      copy.textContent = "Copy";
      copy.addEventListener("click", async () => {
        await navigator.clipboard.writeText(value);
        copy.textContent = "Copied";
      });
      return [dt, dd, copy];
    }));
    $("issued").showModal();
    await loadCredentials();
  } catch (e) {
    show("error", e.message);
  }
}

function confirmRevoke(org, username) {
  $("confirm-user").textContent = username;
  $("confirm").dataset.org = org;
  $("confirm").dataset.username = username;
  $("confirm").showModal();
}

async function revoke() {
  const { org, username } = $("confirm").dataset;
  $("confirm").close();
  try {
    await api("DELETE", `/api/orgs/${encodeURIComponent(org)}/credentials/${encodeURIComponent(username)}`);
    await loadCredentials();
  } catch (e) {
    show("error", e.message);
  }
}

function signOut() {
  sessionStorage.removeItem("lakegate-admin-token");
  token = null;
  $("token").value = "";
  $("workspace").hidden = true;
  $("login").hidden = false;
}

$("login").addEventListener("submit", signIn);
$("generate").addEventListener("submit", generate);
$("org").addEventListener("change", () => loadCredentials().catch((e) => show("error", e.message)));
$("issued-close").addEventListener("click", () => $("issued").close());
// once closed, the password is nowhere on the page any more
$("issued").addEventListener("close", () => $("details").replaceChildren());
$("confirm-yes").addEventListener("click", revoke);
$("confirm-no").addEventListener("click", () => $("confirm").close());
$("sign-out").addEventListener("click", signOut);
if (token) {
  loadOrgs().catch(() => signOut());
}
