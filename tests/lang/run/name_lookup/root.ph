class rootonly { string who() { return ".rootonly"; } };
class util.tool { string who() { return ".util.tool"; } };
