"""One small module per provider: credentials, auth, filters, and item normalisation."""
