"""The layer between a Brief and a layout: locales (``locales``), the UI catalogs
(``ui``, maintained with ``catalogs``), locale-aware formatting (``localizer``),
bidirectional text (``bidi``), and content translation from PO catalogs
(``translator``, ``content``, ``sentences``)."""
