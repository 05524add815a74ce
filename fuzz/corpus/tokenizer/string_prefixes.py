u'' r'' R'' b'' B'' br'' rB'' f'' F'' fr'' Rf'' t'' T'' tr'' Rt''
