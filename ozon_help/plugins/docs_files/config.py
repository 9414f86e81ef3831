from mkdocs.config.base import Config


class DocsFilesConfig(Config):
    """No options: what docs/ may publish is code (rules.py)."""
