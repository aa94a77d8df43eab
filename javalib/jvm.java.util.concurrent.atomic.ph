// java.util.concurrent.atomic's AtomicInteger, AtomicLong and
// AtomicBoolean (docs/JAVA.md): a value changed under the object's
// monitor, so every operation is atomic among the VM's threads.
package .jvm.java.util.concurrent.atomic;

class AtomicInteger extends .jvm.java.lang.Number
{
    var value : int;

    void _4init_5____V() { value = 0; }
    void _4init_5__I__V(int v) { value = v; }

    int get____I() { return value; }
    int intValue____I() { return value; }
    long longValue____J() { return (long) value; }
    double doubleValue____D() { return (double) value; }
    void set__I__V(int v) { synchronized (this) { value = v; } }
    void lazySet__I__V(int v) { set__I__V(v); }

    // adds d; the old value (old) or the new one
    int add(int d, bool old)
    {
        synchronized (this) {
            int was = value;
            value = was + d;
            return old ? was : was + d;
        }
    }

    int getAndSet__I__I(int v) { synchronized (this) { int was = value; value = v; return was; } }
    int incrementAndGet____I() { return add(1, false); }
    int decrementAndGet____I() { return add(-1, false); }
    int getAndIncrement____I() { return add(1, true); }
    int getAndDecrement____I() { return add(-1, true); }
    int addAndGet__I__I(int d) { return add(d, false); }
    int getAndAdd__I__I(int d) { return add(d, true); }

    int compareAndSet__II__Z(int expect, int v)
    {
        synchronized (this) {
            if (value != expect)
                return 0;
            value = v;
            return 1;
        }
    }

    int updateAndGet__Ljava_util_function_IntUnaryOperator_2__I(var f)
    {
        synchronized (this) {
            value = f.applyAsInt__I__I(value);
            return value;
        }
    }

    int accumulateAndGet__ILjava_util_function_IntBinaryOperator_2__I(int x, var f)
    {
        synchronized (this) {
            value = f.applyAsInt__II__I(value, x);
            return value;
        }
    }

    string toString____Ljava_lang_String_2() { return "" + value; }
};

class AtomicLong extends .jvm.java.lang.Number
{
    var value : long;

    void _4init_5____V() { value = 0L; }
    void _4init_5__J__V(var v) { value = v; }

    long get____J() { return value; }
    long longValue____J() { return value; }
    int intValue____I() { return (int) value; }
    double doubleValue____D() { return (double) value; }
    void set__J__V(var v) { synchronized (this) { value = v; } }

    long add(long d, bool old)
    {
        synchronized (this) {
            long was = value;
            value = was + d;
            return old ? was : was + d;
        }
    }

    long incrementAndGet____J() { return add(1L, false); }
    long decrementAndGet____J() { return add(-1L, false); }
    long getAndIncrement____J() { return add(1L, true); }
    long getAndDecrement____J() { return add(-1L, true); }
    long addAndGet__J__J(var d) { return add(d, false); }
    long getAndAdd__J__J(var d) { return add(d, true); }

    int compareAndSet__JJ__Z(var expect, var v)
    {
        synchronized (this) {
            if (value != expect)
                return 0;
            value = v;
            return 1;
        }
    }

    string toString____Ljava_lang_String_2() { return "" + value; }
};

class AtomicBoolean extends .jvm.java.lang.Object
{
    var value : int;

    void _4init_5____V() { value = 0; }
    void _4init_5__Z__V(var v) { value = v; }
    int get____Z() { return value; }
    void set__Z__V(var v) { synchronized (this) { value = v; } }
    int getAndSet__Z__Z(var v) { synchronized (this) { int was = value; value = v; return was; } }

    int compareAndSet__ZZ__Z(var expect, var v)
    {
        synchronized (this) {
            if (value != expect)
                return 0;
            value = v;
            return 1;
        }
    }

    string toString____Ljava_lang_String_2() { return .javart.rt.strZ(value); }
};
