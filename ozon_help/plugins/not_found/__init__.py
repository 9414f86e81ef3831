"""ozon/not_found: the 404 page's «Что случилось?» links, read from the home page."""
