#include <cstdio>
int main() { std::puts("jan20-pdf: under construction"); return 0; }
