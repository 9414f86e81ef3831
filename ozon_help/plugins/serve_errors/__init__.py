"""ozon/serve_errors: make serve: a failed build shows in the browser, which reloads once it is fixed."""
