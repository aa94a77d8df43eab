// quicksort.ph - an in-language quicksort (Hoare partition, middle pivot,
// recursion on the smaller side) of 600k ints from a small LCG, three
// times over fresh data.  Prints a position-weighted checksum.
class quicksort
{
    static void sort(int[] a, int lo, int hi)
    {
        while (lo < hi) {
            int p = a[(lo + hi) / 2];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < p)
                    i++;
                while (a[j] > p)
                    j--;
                if (i <= j) {
                    int t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sort(a, lo, j);
                lo = i;
            } else {
                sort(a, i, hi);
                hi = j;
            }
        }
    }

    static void main()
    {
        int n = 600000;
        int x = 1, sum = 0;
        for (int round = 0; round < 3; round++) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                x = (x * 75 + 74) % 65537;
                a[i] = x;
            }
            sort(a, 0, n - 1);
            for (int i = 1; i < n; i++)
                if (a[i - 1] > a[i])
                    println("not sorted at " + i);
            for (int i = 0; i < n; i++)
                sum = (sum + a[i] * (i % 7)) % 1000003;
        }
        println(sum);
    }
};
