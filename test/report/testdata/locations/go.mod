module example.com/locations

go 1.24
