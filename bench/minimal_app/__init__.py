"""A minimal Django project: the baseline that makes Sigap's page throughput
comparable with other projects'.

What ``django-admin startproject`` generates (its apps and its default middleware),
plus one view that returns a small page; no database query, no template, no Sigap
code. ``bench/run.py`` and ``bench/verify_page.py`` serve it with the same
``gunicorn.conf.py`` as Sigap, in the same run, and divide a page's requests per
second by this app's: a ratio any Django project can measure the same way.
"""
