// Matrices of doubles: sized 2-D arrays filled in nested for loops, a
// class with operators as methods, a recursive determinant by cofactors,
// identity checks with a tolerance, and text built row by row.
class matrix
{
    var n : int;
    var a : double[][];

    matrix(int size)
    {
        n = size;
        a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = new double[n];
    }

    static matrix identity(int size)
    {
        matrix m = new matrix(size);
        for (int i = 0; i < size; i++) m.a[i][i] = 1;
        return m;
    }

    matrix times(matrix o)
    {
        matrix r = new matrix(n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i][k] * o.a[k][j];
                r.a[i][j] = s;
            }
        return r;
    }

    matrix minor(int row, int col)
    {
        matrix m = new matrix(n - 1);
        for (int i = 0, mi = 0; i < n; i++) {
            if (i == row) continue;
            for (int j = 0, mj = 0; j < n; j++) {
                if (j == col) continue;
                m.a[mi][mj++] = a[i][j];
            }
            mi++;
        }
        return m;
    }

    double det()
    {
        if (n == 1) return a[0][0];
        double d = 0;
        for (int j = 0; j < n; j++) d += (j % 2 == 0 ? 1 : -1) * a[0][j] * minor(0, j).det();
        return d;
    }

    bool near(matrix o, double eps)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (.internal.math.fabs(a[i][j] - o.a[i][j]) > eps) return false;
        return true;
    }

    string toString()
    {
        string s = "";
        for (int i = 0; i < n; i++) {
            s += "[";
            for (int j = 0; j < n; j++) s += (j > 0 ? " " : "") + a[i][j];
            s += "]";
        }
        return s;
    }
};

class program_matrix
{
    static void main()
    {
        matrix m = new matrix(3);
        double v = 1;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) m.a[i][j] = v++ * (i == j ? 2 : 1);
        m.a[2][2] = 10;
        println(m);
        println(m.det());
        println(m.times(matrix.identity(3)).near(m, 1e-12));
        println(m.times(m));
        println(m.minor(1, 1) + " " + m.minor(1, 1).det());
        matrix scaled = new matrix(2);
        scaled.a[0][0] = 0.1; scaled.a[0][1] = 0.2; scaled.a[1][0] = 0.3; scaled.a[1][1] = 0.4;
        println(scaled.det() + " " + (scaled.det() == -0.02) + " " + (.internal.math.fabs(scaled.det() + 0.02) < 1e-15));
    }
};
