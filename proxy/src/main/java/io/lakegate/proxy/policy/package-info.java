/**
 * The tenant policy: every decision of what a tenant may do, deny by default ({@link
 * io.lakegate.proxy.policy.TenantPolicy}). The reviewed function lists are resources of this package
 * ({@code allowed-functions.txt}, {@code excluded-functions.txt}).
 */
package io.lakegate.proxy.policy;
