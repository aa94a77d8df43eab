// java.util.function's common interfaces and java.util.Comparator
// (docs/JAVA.md): the targets of lambdas and method references.  Their
// default and static methods (andThen, comparing, ...) are not here.
package .jvm.java.util.function;

interface Function { .internal.object apply__Ljava_lang_Object_2__Ljava_lang_Object_2(var x); };
interface BiFunction { .internal.object apply__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var x, var y); };
interface UnaryOperator extends .jvm.java.util.function.Function { .internal.object apply__Ljava_lang_Object_2__Ljava_lang_Object_2(var x); };
interface BinaryOperator extends .jvm.java.util.function.BiFunction { .internal.object apply__Ljava_lang_Object_2Ljava_lang_Object_2__Ljava_lang_Object_2(var x, var y); };
interface Supplier { .internal.object get____Ljava_lang_Object_2(); };
interface Consumer { void accept__Ljava_lang_Object_2__V(var x); };
interface BiConsumer { void accept__Ljava_lang_Object_2Ljava_lang_Object_2__V(var x, var y); };
interface Predicate { int test__Ljava_lang_Object_2__Z(var x); };
interface BiPredicate { int test__Ljava_lang_Object_2Ljava_lang_Object_2__Z(var x, var y); };
interface IntBinaryOperator { int applyAsInt__II__I(int a, int b); };
interface IntUnaryOperator { int applyAsInt__I__I(int a); };
interface IntPredicate { int test__I__Z(int a); };
interface IntFunction { .internal.object apply__I__Ljava_lang_Object_2(int a); };
interface IntConsumer { void accept__I__V(int a); };
interface IntSupplier { int getAsInt____I(); };
interface ToIntFunction { int applyAsInt__Ljava_lang_Object_2__I(var x); };
interface LongBinaryOperator { long applyAsLong__JJ__J(var a, var b); };
interface DoubleUnaryOperator { double applyAsDouble__D__D(double a); };
interface DoubleBinaryOperator { double applyAsDouble__DD__D(double a, double b); };
