/* ui.c - placeholder until the screens land. */
#include "ui.h"
