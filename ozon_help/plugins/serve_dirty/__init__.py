"""ozon/serve_dirty: make serve rebuilds the saved page, or everything for data/code changes."""
