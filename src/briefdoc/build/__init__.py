"""Many articles x layouts x locales: the plan (``plan``, with the content-addressed
``cache``), the batch that runs it in worker processes (``batch``, ``workers``) and
its progress line (``progress``)."""
