from enum import StrEnum


class ListNumbersFeaturesItem(StrEnum):
    MMS_INBOUND = "mms-inbound"
    MMS_OUTBOUND = "mms-outbound"
    SMS_INBOUND = "sms-inbound"
    SMS_OUTBOUND = "sms-outbound"
    VOICE_INBOUND = "voice-inbound"
    VOICE_OUTBOUND = "voice-outbound"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
