"""ayneh.text: Persian news text, read the way a PR network needs it. Pure Python; never imports Django.

Modules (one concern each): ``normalize`` and ``tokenize`` (comparison form, offsets, sentences, words),
``dates`` (Solar Hijri date phrases), ``registry`` (the office registry as data), ``people``, ``places``
and ``organizations`` (gazetteers and rules), ``attribution`` and ``officematch`` (outlet, credited source
and the registry office it names), ``quotes`` (who said what), ``analyze`` (everything above in one
``analyse()`` call), ``shingles``/``minhash``/``neardup``/``textdiff`` (versions of one story) and ``cli``
(``ayneh analyze`` and ``ayneh near-duplicates``).

Nothing is imported here on purpose: ``import ayneh.text.normalize`` must stay as cheap as that module.
"""
