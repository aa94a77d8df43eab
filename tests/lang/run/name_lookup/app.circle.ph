package .app;
class circle { string who() { return ".app.circle"; } };
class square { string who() { return ".app.square"; } };
class util.tool { string who() { return ".app.util.tool"; } };
