from mkdocs.config.base import Config


class SearchRuConfig(Config):
    """No options: the synonyms are data (data/search-synonyms.yml), the weights code (index.py)."""
