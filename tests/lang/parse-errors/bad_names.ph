package .a."";
import .;
import .a.;
class .
{
};
class b extends . { };
class c { var x : .; var y : ""; };
