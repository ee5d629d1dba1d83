"""A Brief to a document: layouts (``layouts``), what a template sees (``context``,
``axis`` for the timeline graphic), the HTML (``template``, fitted to the layout's
page limit in ``html``), the PDF through WeasyPrint (``weasy``, ``pdf``), fonts and
the ``doctor`` that checks them. Nothing here reads a seed or runs an extractor."""
