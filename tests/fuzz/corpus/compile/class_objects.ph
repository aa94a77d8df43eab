// Classes as values: X.class and getClass() give the class object, whose
// methods tell its name and parent; instanceof tests membership.
class vehicle { };
class car extends vehicle { };

class class_objects
{
    static void main()
    {
        var c = new car();
        println(c.getClass());
        println(c.getClass().getName());
        println(car.class.getSuperclass());
        println(c.getClass() :== car.class);
        println(c instanceof vehicle);
        println(c instanceof car);
        println(new vehicle() instanceof car);
        println(5.getClass());
        println("s".getClass().getName());
        println(3.5 instanceof .internal.double);
        println(null instanceof vehicle);
        println(c instanceof .internal.object);
    }
};
