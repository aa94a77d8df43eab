package .lib.shapes;
class circle { string who() { return ".lib.shapes.circle"; } };
class square { string who() { return ".lib.shapes.square"; } };
class triangle { string who() { return ".lib.shapes.triangle"; } };
