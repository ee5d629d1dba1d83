"""Dossiers: the briefs of several articles on one story merged into one
(``merge``): one actor per person, body or country whatever each article calls
them (``actors``, with the name folding of ``text``), one quote or position per
thing said however many outlets report it (``items``), one timeline entry per
event with every article that dates it (``timeline``), and the key points that
matter most across the set. ``catalog`` makes a dossier's content catalog for
translators and reads it back for rendering."""
