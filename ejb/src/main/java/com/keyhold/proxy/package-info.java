/**
 * The fleet product's licensing rules (SPEC S1–S9, E3): SCCM proxy servers activate a key one at a
 * time ({@link com.keyhold.proxy.ProxyLicensing}), online through the SOAP service of the ws module
 * or offline through request and response files ({@link com.keyhold.proxy.OfflineRequests},
 * {@link com.keyhold.proxy.OfflineFiles}); they report usage weekly; administrators see and
 * deactivate them ({@link com.keyhold.proxy.ProxyAdministration}); a persistent timer flags silent
 * proxies and warns about proxies over their limit ({@link com.keyhold.proxy.ProxyUsageSweep}).
 */
package com.keyhold.proxy;
