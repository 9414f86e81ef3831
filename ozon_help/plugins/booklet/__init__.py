"""ozon/booklet: the booklet page (pechat.md) and one per section, from the guides' rendered HTML."""
