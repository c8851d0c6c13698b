"""Provider modules: only what a provider's spec cannot say.

Everything else (requests, paging, retries, credentials, auth, how an item becomes a
`PhoneNumber`) comes from ``specs/<provider>.yaml``. A provider listed here has a
`numberhub._normalize.Normalizer` subclass, imported on first use.
"""

QUIRKS: dict[str, str] = {
    # DuoPlus's renewal endpoints answer times as Unix seconds, in the same fields.
    "duoplus": "numberhub.providers.duoplus:DuoPlusNormalizer",
}
"""Provider name -> ``module:class`` of its `Normalizer` subclass."""
