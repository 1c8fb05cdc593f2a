export * from "./department";
export * from "./landingZone";
export * from "./licensing";
export * from "./numbers";
export * from "./organization";
export * from "./teamsVoice";
export * from "./telephony";
export * from "./tenant";
