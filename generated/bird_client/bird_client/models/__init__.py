"""Contains all the data models used in inputs/outputs"""

from .capabilities import Capabilities
from .directions import Directions
from .error import Error
from .error_details import ErrorDetails
from .list_numbers_features_item import ListNumbersFeaturesItem
from .list_numbers_types_item import ListNumbersTypesItem
from .money import Money
from .stock_item import StockItem
from .stock_item_list import StockItemList

__all__ = (
    "Capabilities",
    "Directions",
    "Error",
    "ErrorDetails",
    "ListNumbersFeaturesItem",
    "ListNumbersTypesItem",
    "Money",
    "StockItem",
    "StockItemList",
)
