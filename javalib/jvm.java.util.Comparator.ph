// java.util.Comparator and java.util.Collections' sorting (docs/JAVA.md).
// Sorting is a stable merge sort, so its result is the JVM's (whose
// TimSort is stable too) for any consistent comparator.
package .jvm.java.util;

interface Comparator
{
    int compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(var a, var b);
};

class Collections
{
    // Sorts the Phantom array a in place by cmp (null: natural order).
    static void sortArray(var a, var cmp)
    {
        int n = a.size();
        var tmp = .javart.rt.newarray(n, null);
        for (int width = 1; width < n; width = width * 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = mid + width;
                if (hi > n)
                    hi = n;
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    int c;
                    if (cmp :== null)
                        c = .jvm.java.lang.Object.s_compareTo(a[j], a[i]);
                    else
                        c = cmp.compare__Ljava_lang_Object_2Ljava_lang_Object_2__I(a[j], a[i]);
                    if (c < 0) {
                        tmp[k] = a[j];
                        j++;
                    } else {
                        tmp[k] = a[i];
                        i++;
                    }
                    k++;
                }
                while (i < mid) {
                    tmp[k] = a[i];
                    i++;
                    k++;
                }
                while (j < hi) {
                    tmp[k] = a[j];
                    j++;
                    k++;
                }
                for (int m = lo; m < hi; m++)
                    a[m] = tmp[m];
            }
        }
    }

    static void sort__Ljava_util_List_2__V(var list)
    {
        list.sort__Ljava_util_Comparator_2__V(null);
    }

    static void sort__Ljava_util_List_2Ljava_util_Comparator_2__V(var list, var cmp)
    {
        list.sort__Ljava_util_Comparator_2__V(cmp);
    }

    static void reverse__Ljava_util_List_2__V(var list)
    {
        var a = ((.jvm.java.util.ArrayList) list).elems;
        int n = a.size();
        for (int i = 0; i < n / 2; i++) {
            var x = a[i];
            a[i] = a[n - 1 - i];
            a[n - 1 - i] = x;
        }
    }
};
