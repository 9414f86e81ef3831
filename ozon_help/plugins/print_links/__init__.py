"""ozon/print_links: marks links whose address print must show after their text."""
