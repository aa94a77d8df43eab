// Anything with a total price.
package .demo.shop;

interface priced
{
    int total();
};
