// The static methods of the value classes, called through their full
// names: limits, parsing, abs/min/max; and instance methods on numbers.
class math_natives
{
    static void main()
    {
        println(.internal.int.MAX_VALUE());
        println(.internal.int.MIN_VALUE());
        println(.internal.long.MAX_VALUE());
        println(.internal.int.parse("123") + 1);
        println(.internal.int.abs(-5));
        println(.internal.int.max(3, 9));
        println(.internal.double.parse("2.5") * 2);
        println(.internal.double.isNaN(0.0 / 0));
        println(.internal.long.min(3L, -4L));
        println(.internal.bool.parse("true"));
        println(7.compareTo(9));
        println(2.5.toInt());
        println(65.toString() + "!");
        int big = .internal.int.MAX_VALUE();
        println(big + 1);
    }
};
