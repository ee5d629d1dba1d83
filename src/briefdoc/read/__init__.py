"""Reading seeds: a text, Markdown or HTML file (with optional YAML front matter)
into an Article (``article``), HTML reduced to its text (``htmltext``), and which
files of a folder are seeds (``seeds``)."""
