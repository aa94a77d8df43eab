// java.util.Optional (docs/JAVA.md).
package .jvm.java.util;

class Optional extends .jvm.java.lang.Object
{
    var value;   // null: empty

    static var EMPTY = new .jvm.java.util.Optional();

    static .internal.object empty____Ljava_util_Optional_2() { return EMPTY; }

    static .internal.object of__Ljava_lang_Object_2__Ljava_util_Optional_2(var v)
    {
        if (v :== null)
            throw .javart.rt.npe(null);
        var o = new .jvm.java.util.Optional();
        o.value = v;
        return o;
    }

    static .internal.object ofNullable__Ljava_lang_Object_2__Ljava_util_Optional_2(var v)
    {
        if (v :== null)
            return EMPTY;
        return of__Ljava_lang_Object_2__Ljava_util_Optional_2(v);
    }

    int isPresent____Z() { return .javart.rt.zb(!(value :== null)); }
    int isEmpty____Z() { return .javart.rt.zb(value :== null); }

    .internal.object get____Ljava_lang_Object_2()
    {
        if (value :== null) {
            var e = new .jvm.java.util.NoSuchElementException();
            e.setMessage("No value present");
            throw e;
        }
        return value;
    }

    .internal.object orElseThrow____Ljava_lang_Object_2() { return get____Ljava_lang_Object_2(); }

    .internal.object orElse__Ljava_lang_Object_2__Ljava_lang_Object_2(var other)
    {
        if (value :== null)
            return other;
        return value;
    }

    .internal.object orElseGet__Ljava_util_function_Supplier_2__Ljava_lang_Object_2(var f)
    {
        if (value :== null)
            return f.get____Ljava_lang_Object_2();
        return value;
    }

    void ifPresent__Ljava_util_function_Consumer_2__V(var f)
    {
        if (!(value :== null))
            f.accept__Ljava_lang_Object_2__V(value);
    }

    void ifPresentOrElse__Ljava_util_function_Consumer_2Ljava_lang_Runnable_2__V(var f, var g)
    {
        if (value :== null)
            g.run____V();
        else
            f.accept__Ljava_lang_Object_2__V(value);
    }

    .internal.object map__Ljava_util_function_Function_2__Ljava_util_Optional_2(var f)
    {
        if (value :== null)
            return EMPTY;
        return ofNullable__Ljava_lang_Object_2__Ljava_util_Optional_2(f.apply__Ljava_lang_Object_2__Ljava_lang_Object_2(value));
    }

    .internal.object filter__Ljava_util_function_Predicate_2__Ljava_util_Optional_2(var p)
    {
        if (value :== null || p.test__Ljava_lang_Object_2__Z(value) != 0)
            return this;
        return EMPTY;
    }

    int equals__Ljava_lang_Object_2__Z(var o)
    {
        if (!(o instanceof .jvm.java.util.Optional))
            return 0;
        return .jvm.java.util.Objects.equals__Ljava_lang_Object_2Ljava_lang_Object_2__Z(value, ((.jvm.java.util.Optional) o).value);
    }

    int hashCode____I() { return .jvm.java.util.Objects.hashCode__Ljava_lang_Object_2__I(value); }

    string toString____Ljava_lang_String_2()
    {
        if (value :== null)
            return "Optional.empty";
        return "Optional[" + .jvm.java.lang.Object.s_toString(value) + "]";
    }
};
