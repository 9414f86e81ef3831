"""ozon/offline: the offline copy uses a local Web Worker shim and runs the pages' modules as classic scripts."""
