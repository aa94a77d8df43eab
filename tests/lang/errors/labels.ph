// Java's labelled statements are not in the language: the label, and a
// label after break or continue, are reported once each, and the loop
// they name is still read (no errors after them).  The parser finds
// these, so the program is not analysed further.
class labels
{
    static int find(int[][] grid, int v)
    {
        int found = -1;
        outer:
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                if (grid[i][j] == v) { found = i; break outer; }
                if (grid[i][j] < 0) continue outer;
            }
        }
        return found;
    }
};
