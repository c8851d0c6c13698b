# pytester drives small test files in a subprocess-free pytest run: the README's
# fixture examples and the numberhub pytest plugin are tested through it.
pytest_plugins = ["pytester"]
