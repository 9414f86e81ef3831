"""ozon/config_guard: mkdocs.yml's strings are plain text, its extensions and plugins an allow-list."""
