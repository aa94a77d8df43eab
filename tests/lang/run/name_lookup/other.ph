package .other;
class circle { string who() { return ".other.circle"; } };
