// zongjie web app: what every page shares. Loaded from a file (the CSP
// allows no inline script), after htmx.
"use strict";

// The CSRF token of this page (csrf.go), sent with every request that
// changes something.
const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content || "";

// htmx sends it in the X-CSRF-Token header.
document.addEventListener("htmx:configRequest", (e) => {
  e.detail.headers["X-CSRF-Token"] = csrfToken;
});

// zongjie.fetch is fetch with the CSRF token, for the pages' scripts.
window.zongjie = {
  csrfToken,
  fetch(url, options = {}) {
    const headers = new Headers(options.headers || {});
    headers.set("X-CSRF-Token", csrfToken);
    return fetch(url, { credentials: "same-origin", ...options, headers });
  },
};
