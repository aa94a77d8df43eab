package .a;
package .b;
x = 1;
import "data.txt";
void f() { }
class ok { };
int y;
import .ok.name;
