class g1001
{
    static int f(int x)
    {
        int y = 1; string s = ""; double d = 0; var lock = new .internal.mutex(); int[] arr = new int[4];
        switch (x % 4) { case 0: synchronized (lock) { try { synchronized (lock) { arr[x & 3] += 1; if (s.length() > 3) return x; y = x % 7; } y--; synchronized (lock) { x += 1; } } finally { y++; s += x; y = x % 7; } } break; case 1: if (x > 14) { try { x += 3; d += 0.5; } finally { y++; if (d < 2.5) { if (!(x < 3) || y == 2) return x; } else { x++; s += x; } } } else { s += x; y = y * 2 - x; } y = (x > 2 ? y : x); foreach (var v1 in arr) { y += v1; int v2 = 0; do { v2++; continue; } while (v2 < 2); x++; for (int v3 = 0; v3 < 3; v3++) { break; try { arr[x & 3] += 1; y--; if ((x & 1) == 0) throw "t" + x; } catch (string v4) { s += v4; y--; x++; s += x; } finally { if (x != y && y > 0) break; if (y < x) break; x += 2; } } } default: try { try { y--; int v6 = 0; while (v6 < 4) { v6++; y = y * 2 - x; if (x > 12) continue; } for (int v7 = 0; v7 < 3; v7++) { x += 3; } } catch (string v5) { s += v5; if (!(x < 3) || y == 2) { arr[x & 3] += 1; d += 0.5; println("p" + x + " " + y); } else { println("p" + x + " " + y); y = x + 1; } switch (x % 4) { case 0: y = y * 2 - x; y--; y--; break; case 1: y--; arr[x & 3] += 1; println("p" + x + " " + y); default: x += 3; y = x << 1; if (x > -1) return x; } int v8 = 0; while (v8 < 4) { v8++; if ((x & 1) == 0) return x; } } finally { int v9 = 0; do { v9++; println("p" + x + " " + y); } while (v9 < 2); } } finally { y++; foreach (var v10 in arr) { y += v10; continue; } try { foreach (var v12 in arr) { y += v12; println("p" + x + " " + y); if (s.length() > 3) return x; if (y < x) throw "t" + x; } } catch (string v11) { s += v11; println("p" + x + " " + y); int v13 = 0; while (v13 < 4) { v13++; d += 0.5; s += x; } } finally { x += 3; int v14 = 0; do { v14++; x += 1; println("p" + x + " " + y); } while (v14 < 2); int v15 = 0; while (v15 < 4) { v15++; y = x / (y == 0 ? 1 : y); y = x % 7; break; } } if (x > 4) return x; } }
        return x + y + s.length();
    }
    static void main()
    {
        for (int i = 0; i < 6; i++) {
            try { println(f(i)); } catch (string e) { println("escaped " + e); }
        }
    }
};
