"""ozon/csp: Content-Security-Policy in every page, inline scripts hashed (dev/safety.md)."""
