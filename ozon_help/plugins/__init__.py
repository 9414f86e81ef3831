"""One package per MkDocs plugin: `config.py` (its typed options), `plugin.py` (its events, its state on
`self`), and the modules of its jobs. pyproject.toml names each by its entry point («ozon/NAME») and
mkdocs.yml lists them in pipeline order (dev/architecture.md)."""
