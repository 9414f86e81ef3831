"""ozon/search_ru: the Russian search index and worker (EDITING.md «Search» and dev/search.md)."""
