#include "../persist/pw.h"
int main(void) { return 0; }
