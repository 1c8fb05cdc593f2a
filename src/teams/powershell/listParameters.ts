/**
 * Parameters whose value is a list: a JSON array is the whole new list; `{"Add":[…],"Remove":[…]}` changes it
 * (PowerShell `@{Add=…;Remove=…}`). Elements of the first three are plain objects the driver turns into module
 * objects (`New-CsVoiceNormalizationRule -InMemory`, `New-CsTeamsEmergencyNumber`,
 * `New-CsTeamsEmergencyCallingExtendedNotification`).
 */
export const LIST_PARAMETERS: Readonly<Record<string, { key: string; objectKeys?: readonly string[] }>> = {
  NormalizationRules: {
    key: "Name",
    objectKeys: ["Name", "Pattern", "Translation", "Description", "IsInternalExtension", "Priority"],
  },
  EmergencyNumbers: {
    key: "EmergencyDialString",
    objectKeys: ["EmergencyDialString", "EmergencyDialMask", "OnlinePSTNUsage"],
  },
  ExtendedNotifications: {
    key: "EmergencyDialString",
    objectKeys: ["EmergencyDialString", "NotificationGroup", "NotificationDialOutNumber", "NotificationMode"],
  },
  Usage: { key: "" },
};
