"""Parse each spec's response examples with its generated client and print the result."""

import importlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MODELS = {
    "bird": "StockItemList",
    "butter": "PhoneNumberList",
    "duoplus": "NumberListEnvelope",
    "plivo": "NumberListResponse",
    "rounded": "PhoneNumberList",
}

for provider, model_name in MODELS.items():
    spec = yaml.safe_load((ROOT / "specs" / f"{provider}.yaml").read_text())
    model = getattr(importlib.import_module(f"{provider}_client.models"), model_name)
    for op in (op for path in spec["paths"].values() for op in path.values()):
        examples = op["responses"]["200"]["content"]["application/json"]["examples"]
        for name, example in examples.items():
            parsed = model.from_dict(example["value"])
            print(f"{provider:8} {name:14} {parsed!r:.110}")
